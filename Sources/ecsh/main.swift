print("ecsh")
