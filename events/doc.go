// Package events is Tipoff's event contract: the CloudEvents that workers publish and
// consume, and the rules every one of them must pass on receipt.
//
// It is the only thing workers share. It imports no worker, no storage and no transport:
// the Pub/Sub binding lives with the runtime, so the contract can be read, tested and
// versioned on its own.
//
// Every event:
//   - has a versioned type (the ".v1" suffix); a change that is not purely additive
//     gets a new type;
//   - names its game date as the CloudEvents subject and again in the "gamedate"
//     extension, and the two must agree;
//   - carries a JSON body (datacontenttype application/json) that is decoded strictly:
//     an unknown field is an error, so a producer and consumer never disagree silently;
//   - has a deterministic id built from what it describes, so a republished event is
//     recognised as the same one.
//
// See docs/EVENTS.md for one example of each type.
package events
