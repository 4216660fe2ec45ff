-- To-be-closed variables, constants, goto.
local function tracker(name)
  return setmetatable({}, { __close = function(_, err) print("close", name, err) end })
end
do
  local a <close> = tracker("a")
  local b <close> = tracker("b")
  print("in block")
end
print(pcall(function()
  local c <close> = tracker("c")
  error("boom", 0)
end))
local k <const> = 10
print(k)
print(load("local z <const> = 1; z = 2"))
for i = 1, 3 do
  for j = 1, 3 do
    if j == 2 then goto continue end
    io.write(i, j, " ")
    ::continue::
  end
end
print()
do
  local n = 0
  ::top::
  n = n + 1
  if n < 3 then goto top end
  print("n", n)
end
print(pcall(load, "goto nowhere"))
print(load("goto nowhere"))
