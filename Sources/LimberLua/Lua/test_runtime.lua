local native = ...
local clock_now, clock_set, clock_advance, parse_time = native.clock_now, native.clock_set, native.clock_advance, native.parse_time
local type, tostring, pairs, ipairs, error, pcall, next = type, tostring, pairs, ipairs, error, pcall, next
local getinfo, find, concat, sort = debug.getinfo, string.find, table.concat, table.sort

local tests = {}
local failure = nil

-- The file:line of the code `level` frames above the caller.
local function location(level)
  local info = getinfo(level + 1, "Sl")
  if info == nil then return "?" end
  local source = info.source or "?"
  if source:sub(1, 1) == "@" or source:sub(1, 1) == "=" then source = source:sub(2) end
  return source .. ":" .. tostring(info.currentline or 0)
end

-- Keys in a stable order: numbers, then strings, then the rest by their text.
local function sorted_keys(t)
  local keys = {}
  for k in pairs(t) do keys[#keys + 1] = k end
  local rank = { number = 1, string = 2, boolean = 3 }
  sort(keys, function(a, b)
    local ra, rb = rank[type(a)] or 4, rank[type(b)] or 4
    if ra ~= rb then return ra < rb end
    if ra == 1 or ra == 2 then return a < b end
    return tostring(a) < tostring(b)
  end)
  return keys
end

-- A value as a test failure shows it: the shared printer (printer.lua), on one line, cut short.
local show_value = native.printer(native.terminal_safe).new({ depth = 3, items = 8, width = math.huge })
local function show(value) return show_value(value) end

local function path_of(path, k)
  if type(k) == "string" and find(k, "^[%a_][%w_]*$") then return path .. "." .. k end
  return path .. "[" .. show(k) .. "]"
end

-- The first place two values differ, as (path, actual, expected); nil when deep-equal.
local function difference(actual, expected, path, seen)
  if actual == expected then return nil end
  if type(actual) ~= "table" or type(expected) ~= "table" then return path, actual, expected end
  seen[actual] = seen[actual] or {}
  if seen[actual][expected] then return nil end
  seen[actual][expected] = true
  for _, k in ipairs(sorted_keys(expected)) do
    local p, a, e = difference(actual[k], expected[k], path_of(path, k), seen)
    if p then return p, a, e end
  end
  for _, k in ipairs(sorted_keys(actual)) do
    if expected[k] == nil then return path_of(path, k), actual[k], nil end
  end
  return nil
end

local function deep_equal(a, b) return difference(a, b, "", {}) == nil end

-- Records a failed expectation at the caller of the matcher and stops the test.
local function fail(message)
  local where = location(3)
  failure = { where = where, message = message }
  error(where .. ": " .. message, 0)
end

local function matches(text, pattern)
  if find(text, pattern, 1, true) then return true end
  local ok, found = pcall(find, text, pattern)
  return ok and found ~= nil
end

-- Each matcher returns whether it passed, the message when it should have passed, and
-- the message when it should not have (for `never`).
local matchers = {}

function matchers.to_be(actual, expected)
  local message = "expected " .. show(expected) .. ", got " .. show(actual)
  if actual ~= expected and type(actual) == "table" and type(expected) == "table" and deep_equal(actual, expected) then
    message = message .. " (equal contents but not the same table: use to_equal)"
  end
  return actual == expected, message, "expected a value other than " .. show(expected)
end

function matchers.to_equal(actual, expected)
  local path, a, e = difference(actual, expected, "", {})
  if path == nil then return true, "", "expected a value not equal to " .. show(expected) end
  if path == "" then return false, "expected " .. show(expected) .. ", got " .. show(actual), "" end
  return false, "values differ at " .. path .. ": expected " .. show(e) .. ", got " .. show(a), ""
end

function matchers.to_be_nil(actual)
  return actual == nil, "expected nil, got " .. show(actual), "expected a value, got nil"
end

function matchers.to_be_truthy(actual)
  return not not actual, "expected a truthy value, got " .. show(actual), "expected a falsy value, got " .. show(actual)
end

function matchers.to_be_falsy(actual)
  return not actual, "expected a falsy value, got " .. show(actual), "expected a truthy value, got " .. show(actual)
end

function matchers.to_contain(actual, item)
  local found
  if type(actual) == "string" then
    found = type(item) == "string" and find(actual, item, 1, true) ~= nil
  elseif type(actual) == "table" then
    found = false
    for _, v in pairs(actual) do
      if deep_equal(v, item) then found = true; break end
    end
  else
    return false, "to_contain needs a string or a table, got " .. show(actual), "to_contain needs a string or a table, got " .. show(actual), true
  end
  return found, "expected " .. show(actual) .. " to contain " .. show(item),
    "expected " .. show(actual) .. " not to contain " .. show(item)
end

function matchers.to_match(actual, pattern)
  if type(actual) ~= "string" then
    return false, "to_match needs a string, got " .. show(actual), "to_match needs a string, got " .. show(actual), true
  end
  return matches(actual, pattern), "expected " .. show(actual) .. " to match " .. show(pattern),
    "expected " .. show(actual) .. " not to match " .. show(pattern)
end

function matchers.to_fail_with(actual, pattern)
  if type(actual) ~= "function" then
    return false, "to_fail_with needs a function, got " .. show(actual), "to_fail_with needs a function, got " .. show(actual), true
  end
  local saved = failure
  local ok, err = pcall(actual)
  failure = saved
  if ok then
    local wanted = pattern and ("an error matching " .. show(pattern)) or "an error"
    return false, "expected " .. wanted .. ", but the function returned without one", ""
  end
  local text = type(err) == "string" and err or tostring(err)
  if pattern == nil or matches(text, pattern) then
    return true, "", "expected no error, got " .. show(text)
  end
  return false, "expected an error matching " .. show(pattern) .. ", got " .. show(text), "expected no error, got " .. show(text)
end

local function make_expectation(actual, negated)
  local expectation = {}
  for name, matcher in pairs(matchers) do
    expectation[name] = function(...)
      local passed, message, negated_message, misuse = matcher(actual, ...)
      if misuse then fail(message) end
      if negated then
        if passed then fail(negated_message) end
      elseif not passed then
        fail(message)
      end
    end
  end
  return expectation
end

local function expect(actual)
  local expectation = make_expectation(actual, false)
  expectation.never = make_expectation(actual, true)
  return expectation
end

local function test(name, fn)
  if type(name) ~= "string" then error("test(name, fn): name must be a string, got " .. type(name), 2) end
  if type(fn) ~= "function" then error("test(name, fn): fn must be a function, got " .. type(fn), 2) end
  tests[#tests + 1] = { name = name, fn = fn, where = location(2) }
end

-- The virtual clock: reads, sets and moves the time limber and os.time/os.date see.
local clock = {}
function clock.now() return clock_now() end
function clock.set(when)
  if type(when) ~= "string" and type(when) ~= "number" then
    error("clock.set: expected 'YYYY-MM-DD HH:MM[:SS]', 'YYYY-MM-DD' or seconds since 1970, got " .. type(when), 2)
  end
  local ok, message = clock_set(when)
  if not ok then error("clock.set: " .. message, 2) end
  return clock_now()
end
function clock.advance(amount)
  local seconds = amount
  if type(amount) == "table" then
    seconds = (amount.days or 0) * 86400 + (amount.hours or 0) * 3600 + (amount.minutes or 0) * 60 + (amount.seconds or 0)
  end
  if type(seconds) ~= "number" or seconds < 0 then
    error("clock.advance: expected seconds (>= 0) or { days =, hours =, minutes =, seconds = }, got " .. show(amount), 2)
  end
  clock_advance(seconds)
  return clock_now()
end
function clock.date(fmt) return os.date(fmt or "%Y-%m-%d %H:%M:%S") end

-- os.time() and os.date() read the virtual clock and the test's time zone (not the
-- machine's), in tests and in the plugins they load, so a plugin that asks the time sees
-- the test's time and a test passes the same everywhere.
local real_date = os.date
local zone_offset, local_time = native.zone_offset, native.local_time
os.time = function(t) -- luacheck: ignore 122 (the test zone's clock replaces it)
  if t == nil then return clock_now() end
  if type(t) ~= "table" then error("bad argument #1 to 'time' (table expected, got " .. type(t) .. ")", 2) end
  local seconds, message = local_time(t)
  if seconds == nil then error("bad argument #1 to 'time' (" .. message .. ")", 2) end
  return seconds
end
os.date = function(fmt, t) -- luacheck: ignore 122
  fmt = fmt or "%c"
  if t == nil then t = clock_now() end
  if type(fmt) == "string" and fmt:sub(1, 1) == "!" then return real_date(fmt, t) end
  if type(t) ~= "number" then return real_date(fmt, t) end
  return real_date("!" .. fmt, t + zone_offset(t))
end

-- The log: every test starts with an empty one in memory; seed fills in history.
local log = {}
local function time_field(entry, key, where)
  local value = entry[key]
  if type(value) ~= "string" then return end
  local seconds, message = parse_time(value)
  if seconds == nil then error("log.seed: " .. where .. key .. ": " .. message, 4) end
  entry[key] = seconds
end
local function prepared(entry, where)
  if type(entry) ~= "table" then error("log.seed: " .. where .. "expected a table, got " .. type(entry), 3) end
  local copy = {}
  for k, v in pairs(entry) do copy[k] = v end
  time_field(copy, "at", where)
  time_field(copy, "ended_at", where)
  if type(copy.sets) == "table" then
    local sets = {}
    for i, set in ipairs(copy.sets) do
      local set_copy = {}
      if type(set) == "table" then
        for k, v in pairs(set) do set_copy[k] = v end
        time_field(set_copy, "at", where .. "sets[" .. i .. "].")
      end
      sets[i] = type(set) == "table" and set_copy or set
    end
    copy.sets = sets
  end
  return copy
end
-- A run's sport, distance and file, which limber.log.record does not take: seeded as
-- `limber runs import` writes them (a run with a file reads as imported).
local run_fields = { "sport", "distance_m", "file" }
local check_run, seeded_run = native.check_run, native.seeded_run
local function seed_one(entry)
  local detail
  for _, key in ipairs(run_fields) do
    if entry[key] ~= nil then
      detail = detail or {}
      detail[key] = entry[key]
      entry[key] = nil
    end
  end
  if detail ~= nil then
    if entry.activity ~= "run" then error("sport, distance_m and file belong to a run (activity = 'run')", 0) end
    check_run(detail)
  end
  local result = limber.log.record(entry)
  -- A run reads back as limber.log.last gives it: with seconds, distance_m, sport and file.
  if entry.activity == "run" then result = seeded_run(result.id, detail) end
  return result
end
function log.seed(entries)
  if type(entries) ~= "table" then error("log.seed: expected a list of entries for limber.log.record, got " .. type(entries), 2) end
  if entries[1] == nil and next(entries) ~= nil then entries = { entries } end
  local written = {}
  for i, entry in ipairs(entries) do
    local where = #entries > 1 and ("entry " .. i .. ": ") or ""
    local ok, result = pcall(seed_one, prepared(entry, where))
    if not ok then
      local message = tostring(result):gsub("^[^:]*:%d+: ", "")
      error("log.seed: " .. where .. message, 2)
    end
    written[i] = result
  end
  return written
end

-- Reminders: evaluated at the virtual time as `limber remind` would, against the test's
-- own delivery record; what they and limber.notify send is kept, not shown.
local reminders = {}
function reminders.check(id)
  if type(id) ~= "string" then error("reminders.check: expected a reminder id, got " .. type(id), 2) end
  local outcomes = native.evaluate_reminders(false)
  if outcomes[id] == nil then
    local ids = {}
    for known in pairs(outcomes) do ids[#ids + 1] = known end
    sort(ids)
    error("reminders.check: no reminder '" .. id .. "' (defined: " .. (#ids > 0 and concat(ids, ", ") or "none") .. ")", 2)
  end
  return outcomes[id]
end
function reminders.run() return native.evaluate_reminders(true) end
function reminders.sent() return native.sent() end

-- Progressions: today's plan of a routine at the virtual time, as `limber plan` shows it;
-- the routine is a registered id or a table like the one `limber.routine` takes.
local progressions = {}
function progressions.plan(routine)
  if type(routine) ~= "string" and type(routine) ~= "table" then
    error("progressions.plan: expected a routine id or a routine table { id =, name =, steps = { ... } }, got " .. type(routine), 2)
  end
  local ok, plan = pcall(native.plan, routine)
  if not ok then error("progressions.plan: " .. tostring(plan):gsub("^[^:]*:%d+: ", ""), 2) end
  return plan
end

return {
  globals = { test = test, expect = expect, clock = clock, log = log, reminders = reminders, progressions = progressions },
  count = function() return #tests end,
  name = function(i) return tests[i].name, tests[i].where end,
  run = function(i) failure = nil; tests[i].fn() end,
  failure = function()
    if failure == nil then return nil end
    return failure.where, failure.message
  end,
}
