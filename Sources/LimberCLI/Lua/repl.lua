-- The REPL's Lua side: running a chunk, completion and help(); values print with the shared
-- printer (LimberLua/Lua/printer.lua), whose chunk the host passes in with the terminal_safe
-- it quotes with.
local printer_chunk, terminal_safe = ...
local P = printer_chunk(terminal_safe)
local G = _G
local type, pairs, pcall, rawget, rawset, ipairs, print =
  type, pairs, pcall, rawget, rawset, ipairs, print
local pack, sort = table.pack, table.sort
local find, gsub, gmatch, match, sub = string.find, string.gsub, string.gmatch, string.match, string.sub
local format_values, describe_function, collect, metafield, is_identifier, KEYWORDS =
  P.format_values, P.describe_function, P.collect, P.metafield, P.is_identifier, P.keywords

local docs = { overview = "", entries = {}, signatures = {} }
-- API function or proxy -> its path under limber ("catalogue.find"; "" for limber itself).
local api_paths = setmetatable({}, { __mode = "k" })

local function run(chunk, options)
  local values = pack(chunk())
  if values.n == 0 then return nil end
  rawset(G, "_", values[1])
  return format_values(values, options or {})
end

-- Completion: "pri" -> globals; "limber.catalogue.f" -> fields of limber.catalogue;
-- "s:up" -> methods. Fields are listed with pairs semantics (so proxies' __pairs work)
-- and along __index tables (so objects show their class's methods).
local function complete(word)
  local path, separator, partial = match(word, "^(.-)([.:])([%w_]*)$")
  local scope, prefix = G, ""
  if path then
    if not find(path, "^[%a_][%w_]*[%w_.]*$") or find(path, "%.%.") or find(path, "%.$") then
      return {}
    end
    for name in gmatch(path, "[^.]+") do
      local ok, field = pcall(function() return scope[name] end)
      if not ok or field == nil then return {} end
      scope = field
    end
    prefix = path .. separator
  else
    partial = word
    if partial ~= "" and not find(partial, "^[%a_][%w_]*$") then return {} end
  end
  local names, seen = {}, {}
  local function add(name, value)
    if type(name) ~= "string" or seen[name] or not is_identifier(name) then return end
    if sub(name, 1, #partial) ~= partial then return end
    if separator == ":" and type(value) ~= "function" then return end
    seen[name] = true
    names[#names + 1] = prefix .. name
  end
  local function walk(value, level)
    local kind = type(value)
    if kind == "table" or (kind == "userdata" and metafield(value, "__pairs")) then
      for _, pair in ipairs((collect(value))) do add(pair[1], pair[2]) end
    end
    local index = metafield(value, "__index")
    if level < 4 and type(index) == "table" then walk(index, level + 1) end
  end
  walk(scope, 1)
  if not path then
    for keyword in pairs(KEYWORDS) do
      if sub(keyword, 1, #partial) == partial and not seen[keyword] then names[#names + 1] = keyword end
    end
  end
  sort(names)
  return names
end

-- help(), help(limber.catalogue.find), help(limber.catalogue), help("limber.Exercise").
local function help(subject)
  local key
  local kind = type(subject)
  if subject == nil then
    key = ""
  elseif kind == "string" then
    key = gsub(subject, "^limber%.", "")
    if key == "limber" then key = "" end
    if docs.entries[key] == nil and docs.entries["limber." .. key] ~= nil then key = "limber." .. key end
  else
    key = api_paths[subject]
  end
  if key == "" then print(docs.overview) return end
  local text = key and docs.entries[key]
  if text then print(text) return end
  if kind == "function" then
    print("no help for " .. describe_function(subject) .. ": it is not part of the limber API; try help()")
  elseif kind == "string" then
    print("no help for '" .. subject .. "'; try help() for the whole API")
  else
    print("no help for a " .. kind .. " value; try help() for the whole API")
  end
end

local function index_api(value, path, depth)
  api_paths[value] = path
  if depth > 4 then return end
  for _, pair in ipairs((collect(value))) do
    local key, item = pair[1], pair[2]
    if type(key) == "string" then
      local item_path = path == "" and key or (path .. "." .. key)
      if type(item) == "function" then
        api_paths[item] = item_path
        P.names[item] = docs.signatures[item_path] or ("limber." .. item_path)
      elseif type(item) == "userdata" and metafield(item, "__pairs") then
        index_api(item, item_path, depth + 1)
      end
    end
  end
end

local function setup(documentation)
  docs = documentation
  local limber = rawget(G, "limber")
  if limber ~= nil then index_api(limber, "", 1) end
  rawset(G, "help", help)
end

return { setup = setup, run = run, complete = complete }
