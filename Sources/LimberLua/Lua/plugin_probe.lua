-- The probe behind `limber remind`'s reminder index (ReminderIndexProbe.swift).
--
-- It runs in a Lua state of its own, made only to learn what each plugin's load touches, before
-- that state's plugin sandbox is built (sandbox.lua copies what plugins get from the globals
-- when it is built and when each environment is made). It replaces those globals with watched
-- copies: a watched function tells `record` its name, then does what it always did. A granted
-- capability (io, os.execute, os.getenv) is a tripwire instead: it records and raises, so
-- nothing a plugin does with it happens twice. It returns the `print` the plugins get, which
-- records and shows nothing.
local record = ...
local G = _G
local type, pairs, error, setmetatable, tostring = type, pairs, error, setmetatable, tostring

local function watched(fn, name)
  return function(...)
    record(name)
    return fn(...)
  end
end

local function tripwire(name)
  return function()
    record(name)
    error("the reminder index probe does not run " .. name, 2)
  end
end

-- The clock, random numbers and the memory count: a load that reads them may define
-- something else next time.
local os_ = G.os
G.os = {
  time = watched(os_.time, "os.time"),
  clock = watched(os_.clock, "os.clock"),
  date = watched(os_.date, "os.date"),
  difftime = os_.difftime,
  execute = tripwire("os.execute"),
  getenv = tripwire("os.getenv"),
}
local math_ = {}
for key, value in pairs(G.math) do math_[key] = value end
math_.random = watched(G.math.random, "math.random")
math_.randomseed = watched(G.math.randomseed, "math.randomseed")
G.math = math_
G.collectgarbage = watched(G.collectgarbage, "collectgarbage")

-- An address in a string (`tostring({})`, `("%p"):format(t)` aside) differs on every run.
local function watched_tostring(value)
  local kind = type(value)
  if kind == "table" or kind == "function" or kind == "userdata" or kind == "thread" then record("tostring") end
  return tostring(value)
end
G.tostring = watched_tostring

-- Granted capabilities: files and commands.
local io_ = {}
for key, value in pairs(G.io) do
  if type(value) == "function" then
    io_[key] = tripwire("io." .. key)
  else
    io_[key] = setmetatable({}, { __index = function(_, method) return tripwire("io." .. key .. ":" .. tostring(method)) end })
  end
end
G.io = io_

-- The limber API, one watched function per name (`limber.catalogue.get`).
local function proxy(real, prefix)
  return setmetatable({}, {
    __index = function(_, key)
      local value = real[key]
      local path = prefix .. tostring(key)
      if type(value) == "function" then return watched(value, path) end
      if type(value) == "userdata" then return proxy(value, path .. ".") end
      return value
    end,
    __newindex = function(_, key) error("cannot assign to '" .. prefix .. tostring(key) .. "': the limber API is read-only", 2) end,
    __metatable = prefix .. " is read-only",
  })
end
G.limber = proxy(G.limber, "limber.")

return function() record("print") end
