-- load with environments, _ENV, and chunks from a reader function.
local env = { print = print, x = 5 }
local f = load("x = x + 1; return x", "chunk", "t", env)
print(f(), env.x, x)
print(load("return ...", "=args")(1, 2, 3))
local parts = { "return ", "1 ", "+ 41" }
local i = 0
print(load(function() i = i + 1; return parts[i] end)())
print(load("syntax error here"))
print(load("return 1", "=bin", "b"))
do
  local _ENV = { print = print }
  y = 3
  print(y, _ENV.y)
end
print(y)
local function sandboxed()
  local _ENV <const> = { tostring = tostring }
  return tostring(print)
end
print(sandboxed())
print(pcall(load("error('in chunk')", "@named.lua")))
print(rawequal(_G, _ENV), _G._G == _G)
