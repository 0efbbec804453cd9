[General]
yes = 1
