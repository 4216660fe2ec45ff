-- scripts/bench: nanoseconds per call of one function, the empty loop's own time taken off;
-- each called as it is meant to be: limber.now(), math.abs(-1).
-- Usage: limber run scripts/bench-call.lua now|abs [N]    or    lua5.4 scripts/bench-call.lua abs [N]
local which, n = arg[1], math.tointeger(tonumber(arg[2] or "")) or 2000000
local clock = os.clock
local t0
if which == "now" then
  local f = limber.now
  t0 = clock()
  for _ = 1, n do f() end
else
  local f = math.abs
  t0 = clock()
  for _ = 1, n do f(-1) end
end
local t1 = clock()
for _ = 1, n do end
local t2 = clock()
print(string.format("%.1f", ((t1 - t0) - (t2 - t1)) * 1e9 / n))
