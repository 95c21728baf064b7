package wirecount

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"sync"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/metadata"
)

// Proxy forwards gRPC calls to a Firestore emulator and counts committed writes.
type Proxy struct {
	// Addr is the proxy's loopback host:port, for FIRESTORE_EMULATOR_HOST.
	Addr    string
	backend *grpc.ClientConn
	server  *grpc.Server
	tally   *tally
	mu      sync.Mutex
	// errs are the write calls that could not be decoded for counting; they were still
	// forwarded.
	errs []error
}

// Start serves a proxy on a free 127.0.0.1 port in front of the emulator at backendAddr
// (host:port, which must be on loopback: the caller's guard, not checked here).
func Start(backendAddr string) (*Proxy, error) {
	conn, err := grpc.NewClient("passthrough:///"+backendAddr,
		grpc.WithTransportCredentials(insecure.NewCredentials()),
		grpc.WithDefaultCallOptions(grpc.ForceCodec(rawCodec{})))
	if err != nil {
		return nil, fmt.Errorf("wirecount: dial %s: %w", backendAddr, err)
	}
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		_ = conn.Close()
		return nil, fmt.Errorf("wirecount: listen: %w", err)
	}
	p := &Proxy{Addr: lis.Addr().String(), backend: conn, tally: newTally()}
	p.server = grpc.NewServer(grpc.ForceServerCodec(rawCodec{}),
		grpc.UnknownServiceHandler(p.forward))
	go func() { _ = p.server.Serve(lis) }()
	return p, nil
}

// Stop closes the listener and every open stream, then the backend connection.
func (p *Proxy) Stop() {
	p.server.Stop()
	_ = p.backend.Close()
}

// Writes returns the committed writes per document so far, sorted by name, and the number
// of write calls (Commit or BatchWrite) that succeeded.
func (p *Proxy) Writes() ([]DocWrites, int) { return p.tally.snapshot() }

// Reset forgets every write counted so far.
func (p *Proxy) Reset() { p.tally.reset() }

// Errors returns the errors met while decoding write calls for counting. Any error means
// the count may be short.
func (p *Proxy) Errors() []error {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]error(nil), p.errs...)
}

func (p *Proxy) noteErr(err error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.errs = append(p.errs, err)
}

// forward relays one call of any kind (unary or streaming) to the backend.
func (p *Proxy) forward(_ any, in grpc.ServerStream) error {
	method, ok := grpc.MethodFromServerStream(in)
	if !ok {
		return errors.New("wirecount: no method on the stream")
	}
	ctx, cancel := context.WithCancel(in.Context())
	defer cancel()
	md, _ := metadata.FromIncomingContext(ctx)
	out, err := p.backend.NewStream(metadata.NewOutgoingContext(ctx, md.Copy()),
		&grpc.StreamDesc{ServerStreams: true, ClientStreams: true}, method)
	if err != nil {
		return err
	}
	requests := make(chan []byte, 1)
	upErr := make(chan error, 1)
	go func() { upErr <- pumpUp(in, out, requests) }()

	var lastResponse []byte
	downErr := pumpDown(out, in, func(b []byte) { lastResponse = b })
	in.SetTrailer(out.Trailer())
	if downErr != nil {
		return downErr
	}
	p.count(method, requests, lastResponse)
	return nil
}

// count records the writes of a write call that completed without error.
func (p *Proxy) count(method string, requests <-chan []byte, response []byte) {
	if method != methodCommit && method != methodBatchWrite {
		return
	}
	var request []byte
	select {
	case request = <-requests:
	default:
		p.noteErr(fmt.Errorf("wirecount: %s completed without a request seen", method))
		return
	}
	var err error
	if method == methodCommit {
		err = p.tally.commit(request)
	} else {
		err = p.tally.batchWrite(request, response)
	}
	if err != nil {
		p.noteErr(fmt.Errorf("wirecount: decode %s: %w", method, err))
	}
}

// pumpUp copies client messages to the backend until the client half-closes. The first
// request is handed to requests (write calls are unary: one request each).
func pumpUp(in grpc.ServerStream, out grpc.ClientStream, requests chan<- []byte) error {
	first := true
	for {
		f := &frame{}
		if err := in.RecvMsg(f); err != nil {
			if errors.Is(err, io.EOF) {
				return out.CloseSend()
			}
			return err
		}
		if first {
			requests <- f.payload
			first = false
		}
		if err := out.SendMsg(f); err != nil {
			return err
		}
	}
}

// pumpDown copies the backend's header and messages to the client until the backend ends
// the call; it returns the backend's status (nil for OK).
func pumpDown(out grpc.ClientStream, in grpc.ServerStream, seen func([]byte)) error {
	header, err := out.Header()
	if err != nil {
		return err
	}
	if err := in.SendHeader(header); err != nil {
		return err
	}
	for {
		f := &frame{}
		if err := out.RecvMsg(f); err != nil {
			if errors.Is(err, io.EOF) {
				return nil
			}
			return err
		}
		seen(f.payload)
		if err := in.SendMsg(f); err != nil {
			return err
		}
	}
}
