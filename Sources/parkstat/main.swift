print("parkstat")
