-- The pattern benchmark's body, run unchanged by stock lua5.4 and by `limber run`
-- (scripts/bench-patterns). Prints one line per case: name, then nanoseconds per call
-- (the best of several rounds, the empty loop's cost taken off).
local rounds, target = 7, 0.05 -- each round runs for about 50 ms of CPU
local text = ("the runner held the stretch for 30 s, then 45 s; knee-to-chest=2 hold=30 reps=8 "):rep(4)
local line = "   figure-four-stretch   "
local find, match, gmatch, gsub = string.find, string.match, string.gmatch, string.gsub

local cases = {
  { "find %d+", function() return find(text, "%d+") end },
  { "find plain word", function() return find(text, "chest") end },
  { "find word, plain=true", function() return find(text, "reps", 1, true) end },
  { "find anchored ^%s*(.-)%s*$", function() return find(line, "^%s*(.-)%s*$") end },
  { "match ^%s*(.-)%s*$", function() return match(line, "^%s*(.-)%s*$") end },
  { "match (%w+)=(%w+)", function() return match(text, "(%w+)=(%w+)") end },
  { "match %f[%a]%a+ at init 40", function() return match(text, "%f[%a]%a+", 40) end },
  { "gmatch (%w+)=(%w+), all", function() local n = 0 for _ in gmatch(text, "(%w+)=(%w+)") do n = n + 1 end return n end },
  { "gsub %s+ -> _", function() return gsub(text, "%s+", "_") end },
  { "gsub %d+ with a table", function() return gsub(text, "%d+", { ["30"] = "thirty" }) end },
  { "s:find method, short", function() return ("key=value"):find("=") end },
}

local clock = os.clock
local function per_call(f, n)
  local t = clock()
  for _ = 1, n do f() end
  return (clock() - t) / n
end
local function empty() end

local function best(f)
  local n = 1
  while per_call(f, n) * n < target / 10 do n = n * 2 end -- calibrate to about 5 ms
  n = n * 10
  local fastest = math.huge
  for _ = 1, rounds do
    local t = per_call(f, n) - per_call(empty, n)
    if t < fastest then fastest = t end
  end
  return fastest
end

for _, case in ipairs(cases) do
  print(string.format("%s\t%.1f", case[1], best(case[2]) * 1e9))
end
