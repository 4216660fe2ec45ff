error(setmetatable({}, { __tostring = function() return "described error" end }))
