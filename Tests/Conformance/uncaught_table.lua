print("before")
error({ code = 1 })
