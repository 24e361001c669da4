print("ferry-test: not yet")
