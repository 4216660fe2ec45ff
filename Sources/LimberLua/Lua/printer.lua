-- The one value printer: the REPL prints results with it, and `limber test` shows expected
-- and actual values with it. Every metamethod it triggers (__pairs, __tostring, __name) runs
-- inside a pcall of its own, so a raising metamethod is shown, never raised.
--
-- Returns { new = function(options) -> function(value) -> text, format_values, describe_function,
-- names, collect, metafield, is_identifier, keywords, quote }. Options: depth (levels shown),
-- items (entries shown per table), width (columns for a one-line table), colours (kind -> SGR).
--
-- The chunk's argument is the host's terminal_safe (LimberCore's TerminalSafe as a Lua function):
-- strings are quoted with it and what a __tostring or __name returns is shown through it, so the
-- printer makes visible exactly what every other renderer does, and only its own colours are
-- escape sequences.
local terminal_safe = ...
assert(type(terminal_safe) == "function", "printer.lua: the host passes terminal_safe")
local G = _G
local type, pairs, tostring, pcall, rawget, setmetatable = type, pairs, tostring, pcall, rawget, setmetatable
local getmetatable, getinfo = debug.getmetatable, debug.getinfo
local sort, concat = table.sort, table.concat
local format, find, gsub, gmatch = string.format, string.find, string.gsub, string.gmatch
local mathtype, min = math.type, math.min
local utf8len = utf8.len

local KEYWORDS = {}
for word in gmatch("and break do else elseif end false for function goto if in local nil not or " ..
    "repeat return then true until while", "%a+") do
  KEYWORDS[word] = true
end

-- Collecting more than this many entries of one table is refused (an endless __pairs).
local COLLECT_LIMIT = 10000

local function metafield(value, name)
  local meta = getmetatable(value)
  if type(meta) == "table" then return rawget(meta, name) end
  return nil
end

local function is_identifier(key)
  return type(key) == "string" and find(key, "^[%a_][%w_]*$") ~= nil and not KEYWORDS[key]
end

local function address(value)
  return type(value) .. ": " .. format("%p", value)
end

-- tostring that never raises, made safe to show: a failing __tostring shows the raw address.
local function safe_tostring(value)
  local ok, text = pcall(tostring, value)
  if ok and type(text) == "string" then return terminal_safe(text, true) end
  return address(value)
end

-- Entries of a table or of a userdata with __pairs, as { key, value } pairs, with pairs
-- semantics; returns the list, whether it was cut at the limit, and pairs' error if any.
local function collect(value)
  local list, cut = {}, false
  local ok, message = pcall(function()
    for key, item in pairs(value) do
      if #list >= COLLECT_LIMIT then cut = true break end
      list[#list + 1] = { key, item }
    end
  end)
  return list, cut, (not ok) and safe_tostring(message) or nil
end

-- Numbers first (by value), then strings, then booleans, then the rest by type and address.
local RANK = { number = 1, string = 2, boolean = 3 }
local function key_before(a, b)
  local ta, tb = type(a), type(b)
  local ra, rb = RANK[ta] or 4, RANK[tb] or 4
  if ra ~= rb then return ra < rb end
  if ta == "number" or ta == "string" then return a < b end
  if ta == "boolean" then return (not a) and b end
  if ta ~= tb then return ta < tb end
  return format("%p", a) < format("%p", b)
end
local function pair_before(x, y) return key_before(x[1], y[1]) end

-- A string as a Lua literal that shows every character a terminal could act on (TerminalSafe's
-- notation, which is Lua's: \n, \x1B, \u{202E}, \xFF for a byte that is not UTF-8), so it pastes
-- back into Lua as the same bytes.
local LITERAL = { ["\\"] = "\\\\", ['"'] = '\\"' }
local function quote(text)
  return '"' .. terminal_safe((gsub(text, '["\\]', LITERAL))) .. '"'
end

local function visible_width(text)
  local plain = gsub(text, "\27%[[%d;]*m", "")
  return utf8len(plain) or #plain
end

-- The standard library's functions by name ("string.format"), for the printer.
local builtin_names = setmetatable({}, { __mode = "k" })
for name, value in pairs(G) do
  if type(value) == "function" then
    builtin_names[value] = name
  elseif type(value) == "table" and name ~= "_G" then
    for field, item in pairs(value) do
      if type(item) == "function" and type(field) == "string" then builtin_names[item] = name .. "." .. field end
    end
  end
end

-- Function -> how to show it ("limber.catalogue.get(id)"): the REPL fills it with the API's
-- signatures.
local names = setmetatable({}, { __mode = "k" })

local function describe_function(fn)
  if names[fn] then return "<function " .. names[fn] .. ">" end
  local info = getinfo(fn, "S")
  if info and info.what ~= "C" then
    return "<function " .. terminal_safe(info.short_src) .. ":" .. info.linedefined .. ">"
  end
  if builtin_names[fn] then return "<function " .. builtin_names[fn] .. ">" end
  return "<" .. address(fn) .. ">"
end

-- A printer for one call: options.depth (levels shown), options.items (entries shown per
-- table), options.width (columns for one-line tables), options.colours (kind -> SGR code).
local function printer(options)
  local colours = options.colours
  local max_depth = options.depth or 4
  local max_items = options.items or 100
  local max_width = options.width or 80

  local function paint(kind, text)
    local code = colours and colours[kind]
    if code then return "\27[" .. code .. "m" .. text .. "\27[0m" end
    return text
  end

  local children_of = {}
  local open, targets, ids, next_id = {}, {}, {}, 0

  -- Tables expand unless they have __tostring; userdata expand when they have __pairs.
  local function expandable(value)
    local kind = type(value)
    if kind == "table" then return metafield(value, "__tostring") == nil end
    if kind == "userdata" then return metafield(value, "__pairs") ~= nil end
    return false
  end

  local function children(value)
    local entry = children_of[value]
    if not entry then
      local list, cut, failed = collect(value)
      sort(list, pair_before)
      entry = { list = list, cut = cut, failed = failed }
      children_of[value] = entry
    end
    return entry
  end

  -- First pass: find the tables that contain themselves, to label them.
  local function scan(value, depth)
    if not expandable(value) then return end
    if open[value] then targets[value] = true return end
    if depth >= max_depth then return end
    open[value] = true
    local list = children(value).list
    for i = 1, min(#list, max_items) do scan(list[i][2], depth + 1) end
    open[value] = nil
  end

  local render

  local function render_key(key)
    if is_identifier(key) then return key end
    local kind = type(key)
    if kind == "string" then return "[" .. paint("string", quote(key)) .. "]" end
    if kind == "number" or kind == "boolean" then return "[" .. paint(kind, tostring(key)) .. "]" end
    if kind == "function" then return "[" .. paint("function", describe_function(key)) .. "]" end
    return "[" .. paint("meta", "<" .. safe_tostring(key) .. ">") .. "]"
  end

  render = function(value, depth, indent)
    local kind = type(value)
    if kind == "string" then return paint("string", quote(value)) end
    if kind == "number" or kind == "boolean" then return paint(kind, tostring(value)) end
    if kind == "nil" then return paint("nil", "nil") end
    if kind == "function" then return paint("function", describe_function(value)) end
    if not expandable(value) then
      if kind == "table" then return safe_tostring(value) end
      return paint("meta", "<" .. safe_tostring(value) .. ">")
    end
    if open[value] then return paint("meta", "<cycle " .. ids[value] .. ">") end
    local head = ""
    if targets[value] then
      if not ids[value] then next_id = next_id + 1 ids[value] = next_id end
      head = paint("meta", "<" .. ids[value] .. ">")
    end
    local name = metafield(value, "__name")
    if type(name) == "string" then head = head .. paint("meta", "<" .. terminal_safe(name) .. ">") .. " " end
    if depth >= max_depth then return head .. "{...}" end

    local entry = children(value)
    local list = entry.list
    local shown = min(#list, max_items)
    local parts, multiline, run_length = {}, false, 0
    open[value] = true
    for i = 1, shown do
      local key, item = list[i][1], list[i][2]
      local text = render(item, depth + 1, indent .. "  ")
      if mathtype(key) == "integer" and key == run_length + 1 then
        run_length = key
      else
        text = render_key(key) .. " = " .. text
      end
      if find(text, "\n", 1, true) then multiline = true end
      parts[#parts + 1] = text
    end
    open[value] = nil
    if entry.cut or #list > shown then
      parts[#parts + 1] = paint("meta", "... (" .. (#list - shown) .. (entry.cut and "+" or "") .. " more)")
    end
    if entry.failed then parts[#parts + 1] = paint("meta", "<pairs failed: " .. entry.failed .. ">") end
    if #parts == 0 then return head .. "{}" end
    if not multiline then
      local line = head .. "{ " .. concat(parts, ", ") .. " }"
      if visible_width(indent) + visible_width(line) <= max_width then return line end
    end
    local inner = indent .. "  "
    return head .. "{\n" .. inner .. concat(parts, ",\n" .. inner) .. "\n" .. indent .. "}"
  end

  return function(value)
    scan(value, 0)
    return render(value, 0, "")
  end
end

local function format_values(values, options)
  local texts, multiline = {}, false
  for i = 1, values.n do
    texts[i] = printer(options)(values[i])
    if find(texts[i], "\n", 1, true) then multiline = true end
  end
  return concat(texts, multiline and "\n" or "\t")
end

return {
  new = printer,
  format_values = format_values,
  describe_function = describe_function,
  names = names,
  collect = collect,
  metafield = metafield,
  is_identifier = is_identifier,
  keywords = KEYWORDS,
  quote = quote,
}
