import Emulator
print("ferry", EmulatorInfo.version)
