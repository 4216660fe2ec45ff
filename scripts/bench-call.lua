-- scripts/bench: nanoseconds per call of one function, the empty loop's own time taken off.
-- Usage: limber run scripts/bench-call.lua now|abs [N]    or    lua5.4 scripts/bench-call.lua abs [N]
local which, n = arg[1], math.tointeger(tonumber(arg[2] or "")) or 2000000
local f = which == "now" and limber.now or math.abs
local clock = os.clock
local t0 = clock()
for _ = 1, n do f(-1) end
local t1 = clock()
for _ = 1, n do end
local t2 = clock()
print(string.format("%.1f", ((t1 - t0) - (t2 - t1)) * 1e9 / n))
