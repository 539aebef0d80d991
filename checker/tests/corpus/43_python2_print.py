import time

print "starting"  # expect-syntax: python2
time.sleep(1)
print "done"  # expect-syntax: python2
