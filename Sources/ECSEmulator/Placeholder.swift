// module ECSEmulator
