// Reports (issues 6 and 7).
