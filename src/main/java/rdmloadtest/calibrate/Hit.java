package rdmloadtest.calibrate;

/**
 * One request of an access log, as far as calibration needs it. {@code client} is a hash of the client address
 * and user agent, kept in memory to tell one visitor's behaviour from another's and never written anywhere.
 */
record Hit(long epochSecond, String method, String target, int status, long bytes, String userAgent, long client) {}
