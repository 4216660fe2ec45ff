-- os.exit(code, true) closes the state: pending <close> variables, then finalizers.
local outer <close> = setmetatable({}, { __close = function(_, e) print("closed outer", e) end })
setmetatable({}, { __gc = function() print("finalized") end })
local function deeper()
  local inner <close> = setmetatable({}, { __close = function(_, e) print("closed inner", e) end })
  print(pcall(os.exit, 9, true))
end
deeper()
print("not reached")
