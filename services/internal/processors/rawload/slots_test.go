package rawload

import (
	"context"
	"errors"
	"testing"
	"time"
)

func TestSlotsBoundRunsAtOnce(t *testing.T) {
	s := newSlots(2)
	ctx := context.Background()
	for i := 0; i < 2; i++ {
		if err := s.acquire(ctx); err != nil {
			t.Fatalf("acquire %d: %v", i, err)
		}
	}

	third := make(chan error, 1)
	go func() { third <- s.acquire(ctx) }()
	select {
	case err := <-third:
		t.Fatalf("a third run got a slot while two were taken (err %v)", err)
	case <-time.After(50 * time.Millisecond):
	}
	s.release()
	select {
	case err := <-third:
		if err != nil {
			t.Fatalf("third acquire after a release: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("a released slot was not handed to the waiting run within 5 s")
	}
}

func TestSlotsWaitEndsWithTheRun(t *testing.T) {
	s := newSlots(1)
	if err := s.acquire(context.Background()); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := s.acquire(ctx); !errors.Is(err, context.Canceled) {
		t.Errorf("acquire with an ended run = %v, want one wrapping context.Canceled", err)
	}
}
