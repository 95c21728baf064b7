// Package bus carries the event contract over Pub/Sub: the CloudEvents Pub/Sub protocol
// binding in binary mode, the topics and subscriptions the processor graph implies, and
// a low-latency publisher.
//
// Binary mode puts every context attribute in a "ce-" message attribute and the JSON body
// in the message data, so Pub/Sub filters and the console can see the game date and type
// without decoding the body.
package bus
