-- scripts/bench: nanoseconds per call of one function, the empty loop's own time taken off;
-- each called as it is meant to be: limber.now(), math.abs(-1).
-- Usage: limber run scripts/bench-call.lua now|abs [N]    or    lua5.4 scripts/bench-call.lua abs|abs-hooked [N]
-- abs-hooked: stock Lua with a count hook every 1000 instructions, as limber's budget hook
-- (LIMBER_COUNT_HOOK_STEP) runs on every thread of plugin code under a budget: Lua 5.4 then
-- steps each instruction through its hook check. Trusted code (this script) runs without it.
local which, n = arg[1], math.tointeger(tonumber(arg[2] or "")) or 2000000
if which == "abs-hooked" then
  debug.sethook(function() end, "", 1000)
end
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
