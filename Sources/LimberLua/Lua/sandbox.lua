local G = _G
local setupvalue = debug.setupvalue
local type, pairs, error, tostring = type, pairs, error, tostring
local setmetatable, getmetatable = setmetatable, getmetatable
local load, collectgarbage = load, collectgarbage
local io_popen, io_lib = io.popen, io
local os_execute, os_getenv = os.execute, os.getenv

local function copy(t, except)
  local c = {}
  for k, v in pairs(t) do
    if not (except and except[k]) then c[k] = v end
  end
  return c
end

-- The string metatable stays as stock Lua has it, for trusted scripts (`getmetatable("").__index
-- == string`). Plugins cannot reach it: their getmetatable hides it, they have no debug library,
-- and their `string` is a copy, so nothing a plugin does changes what another one sees. Their
-- method calls (`s:upper()`) reach the real string table, whose string.dump refuses to run
-- while plugin code runs (CLuaShim's stock.c).
local PROTECTED_STRING_META = "the string metatable is protected"
local function plugin_getmetatable(value)
  if type(value) == "string" then return PROTECTED_STRING_META end
  return getmetatable(value)
end

local BASE = { "assert", "error", "ipairs", "next", "pairs", "pcall", "print", "rawequal",
  "rawlen", "rawget", "rawset", "select", "setmetatable", "getmetatable", "tonumber",
  "tostring", "type", "xpcall", "_VERSION" }

local GC_OPTIONS = { collect = true, count = true, step = true }

-- Lua runs finalizers with hooks off, where no budget can stop them, and marks an object for
-- finalization only when setmetatable sees a __gc field: so no plugin metatable may have one,
-- of any value (a placeholder replaced later would run too). A __gc added after setmetatable
-- never runs, and setting that metatable again is refused here.
local rawget_ = rawget
local function safe_setmetatable(t, mt)
  if type(mt) == "table" and rawget_(mt, "__gc") ~= nil then
    error("setmetatable: plugins may not set __gc (finalizers run where no CPU budget can stop them)", 2)
  end
  local ok, result = pcall(setmetatable, t, mt)
  if not ok then error(result, 2) end
  return result
end

local function safe_collectgarbage(option, ...)
  option = option or "collect"
  if not GC_OPTIONS[option] then
    error("collectgarbage('" .. tostring(option) .. "') is not available to plugins", 2)
  end
  return collectgarbage(option, ...)
end

-- The host's checked reader of a folder plugin's modules (ModuleReader.swift): it returns the
-- source and the chunk's path, or nil and why; Lua never opens a module file itself.
local read_module = ...

local function make(name, folder, grants, settings) -- luacheck: ignore 212/name
  local env = {}
  local base = { limber = limber, settings = settings or {} }
  for _, key in pairs(BASE) do base[key] = G[key] end
  base.getmetatable = plugin_getmetatable
  base.string = copy(string, { dump = true })
  base.table = copy(table)
  base.math = copy(math)
  base.utf8 = copy(utf8)
  base.coroutine = copy(coroutine)
  base.os = { time = os.time, clock = os.clock, date = os.date, difftime = os.difftime }
  base.collectgarbage = safe_collectgarbage
  base.setmetatable = safe_setmetatable
  base._G = env

  base.load = function(chunk, chunkname, mode, chunkenv)
    if mode ~= nil and mode ~= "t" then
      error("plugins may load text chunks only (mode 't')", 2)
    end
    if chunkenv == nil then chunkenv = env end
    return load(chunk, chunkname, "t", chunkenv)
  end

  local loaded = {}
  base.require = function(modname)
    if loaded[modname] ~= nil then return loaded[modname] end
    if folder == nil then
      error("module '" .. tostring(modname) .. "' not found: only a folder plugin (with init.lua) can require its own modules", 2)
    end
    if type(modname) ~= "string" then
      error("bad module name '" .. tostring(modname) .. "'", 2)
    end
    local source, path = read_module(folder, modname)
    if source == nil then error(path, 2) end
    local chunk, message = load(source, "@" .. path, "t", env)
    if chunk == nil then error(message, 0) end
    local result = chunk(modname, path)
    if result == nil then result = true end
    loaded[modname] = result
    return result
  end

  for _, grant in pairs(grants or {}) do
    if grant == "exec" then
      base.os.execute = os_execute
      base.io = base.io or {}
      base.io.popen = io_popen
    elseif grant == "files" then
      -- io.write and file:write are the shim's guarded ones (terminal_output.c): text that can
      -- reach a terminal is escaped while plugin code runs; files get the plugin's bytes.
      local io_copy = copy(io_lib)
      if base.io and base.io.popen then io_copy.popen = base.io.popen else io_copy.popen = nil end
      base.io = io_copy
    elseif grant == "env" then
      base.os.getenv = os_getenv
    end
  end

  return setmetatable(env, {
    __index = base,
    __newindex = function(_, key)
      error("assignment to undeclared global '" .. tostring(key) .. "' (declare it with 'local')", 2)
    end,
    __metatable = "plugin environment",
  })
end

-- Runs a plugin's main chunk in a new environment of its own.
local function run(chunk, name, folder, grants, settings)
  setupvalue(chunk, 1, make(name, folder, grants, settings))
  return chunk()
end

return run
