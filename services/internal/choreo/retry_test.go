package choreo

import (
	"context"
	"fmt"
	"testing"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

// A CANCELLED the server sent, wrapped as the state store wraps it, is retried while the
// caller's context is alive.
func TestRetryStateRetriesServerCancelled(t *testing.T) {
	calls := 0
	err := retryState(context.Background(), func() error {
		calls++
		if calls == 1 {
			return fmt.Errorf("state: claim: %w", status.Error(codes.Canceled, "read cancelled"))
		}
		return nil
	})
	if err != nil || calls != 2 {
		t.Fatalf("err %v after %d calls, want success on the second", err, calls)
	}
}

// Our own cancellation is final: nothing is retried once the context is done.
func TestRetryStateStopsOnOwnCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	calls := 0
	err := retryState(ctx, func() error {
		calls++
		return status.Error(codes.Canceled, "context canceled")
	})
	if status.Code(err) != codes.Canceled || calls != 1 {
		t.Fatalf("err %v after %d calls, want CANCELLED after one", err, calls)
	}
}

// A commit answered with UNKNOWN may have landed; the call is tried again, and the retry
// recognises the landed commit.
func TestRetryStateRetriesUnknown(t *testing.T) {
	calls := 0
	err := retryState(context.Background(), func() error {
		calls++
		if calls == 1 {
			return fmt.Errorf("state: finish: %w", status.Error(codes.Unknown, ""))
		}
		return nil
	})
	if err != nil || calls != 2 {
		t.Fatalf("err %v after %d calls, want success on the second", err, calls)
	}
}
