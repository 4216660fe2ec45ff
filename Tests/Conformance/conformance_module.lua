-- A module for require_here.lua (not a conformance script of its own).
local M = {}
function M.greet(name) return "hello " .. name end
return M
