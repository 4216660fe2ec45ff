-- require finds a module next to the script (the tests run with the script's folder as cwd).
local m = require("conformance_module")
print(m.greet("you"), package.loaded.conformance_module == m, require("conformance_module") == m)
print(pcall(require, "no_such_module_here") == false)
