package wirecount

import "fmt"

// frame is one gRPC message as raw bytes: the proxy forwards without decoding.
type frame struct{ payload []byte }

// rawCodec passes frames through. It is named "proto" so the content type on the wire stays
// application/grpc+proto, which the emulator expects.
type rawCodec struct{}

func (rawCodec) Marshal(v any) ([]byte, error) {
	f, ok := v.(*frame)
	if !ok {
		return nil, fmt.Errorf("wirecount: cannot marshal %T", v)
	}
	return f.payload, nil
}

func (rawCodec) Unmarshal(data []byte, v any) error {
	f, ok := v.(*frame)
	if !ok {
		return fmt.Errorf("wirecount: cannot unmarshal into %T", v)
	}
	f.payload = append(f.payload[:0], data...)
	return nil
}

func (rawCodec) Name() string { return "proto" }
