"""Free/busy across accounts and rooms, and finding a time that suits everyone."""
