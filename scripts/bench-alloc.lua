-- The allocation benchmark's body, run unchanged by stock lua5.4, by `limber run` (the host's
-- own code) and as a plugin (scripts/bench-alloc): every case allocates on each call, so it
-- measures what limber's allocator adds (the memory cap, and the tag and count of each block's
-- owner). Prints one line per case: name, then nanoseconds per call (the best of several rounds,
-- the empty loop's cost taken off).
local rounds, target = 7, 0.05 -- each round runs for about 50 ms of CPU
local rep, concat = string.rep, table.concat
local parts = { "stretch", "hold", "30", "s" }

local cases = {
  { "small table {i}", function(i) return { i } end },
  { "table of 16 fields, grown", function(i) local t = {} for j = 1, 16 do t[j] = i end return t end },
  { "closure over a local", function(i) return function() return i end end },
  { "short string 'k' .. i", function(i) return "k" .. i end },
  { "string.rep 1 KiB", function(i) return rep("x", 1024 + (i & 1)) end },
  { "table.concat of 4", function() return concat(parts, " ") end },
  { "coroutine.create", function() return coroutine.create(print) end },
}

local clock = os.clock
local function per_call(f, n)
  local t = clock()
  for i = 1, n do f(i) end
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
