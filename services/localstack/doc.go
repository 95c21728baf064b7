// Package localstack starts the local stand-ins for Google Cloud that the main job and the
// end-to-end tests run on: the official Firestore emulator (a Java process), Google's
// in-process Pub/Sub fake (pstest) served on loopback, and worker processes.
//
// Nothing here talks to a real project: Guard refuses any endpoint that is not on the
// loopback interface.
package localstack
