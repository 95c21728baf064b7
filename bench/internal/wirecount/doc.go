// Package wirecount counts Firestore document writes on the wire. Proxy is a transparent
// gRPC pass-through that sits between Firestore clients (the worker processes) and the
// Firestore emulator: clients get its address as FIRESTORE_EMULATOR_HOST, every call and
// stream is forwarded unchanged, and the writes of every Commit (and every successful write
// of a BatchWrite) that the emulator accepted are recorded by document name.
//
// It exists so the benchmark can count the writes of worker processes without any change
// to them. It costs one extra loopback hop per Firestore call.
package wirecount
