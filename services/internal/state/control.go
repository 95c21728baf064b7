package state

import (
	"context"
	"fmt"
	"time"

	"cloud.google.com/go/firestore"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/tipoff-nba/tipoff/events"
)

// ControlsCollection holds one document per processor with its kill switch:
// controls/{processor}.
const ControlsCollection = "controls"

// Control is controls/{processor}. While Paused, the processor starts no new run; the
// events that would start one are held, not dropped, and run when it resumes.
type Control struct {
	Processor string    `firestore:"processor"`
	Paused    bool      `firestore:"paused"`
	Reason    string    `firestore:"reason"`
	UpdatedBy string    `firestore:"updated_by"`
	UpdatedAt time.Time `firestore:"updated_at"`
}

func (s *Store) control(p events.Processor) *firestore.DocumentRef {
	return s.client.Collection(ControlsCollection).Doc(string(p))
}

// SetPaused sets processor p's kill switch.
func (s *Store) SetPaused(ctx context.Context, c Control) error {
	if _, err := s.control(events.Processor(c.Processor)).Set(ctx, c); err != nil {
		return fmt.Errorf("state: set control of %s: %w", c.Processor, err)
	}
	return nil
}

// Control reads processor p's kill switch; a missing document means not paused.
func (s *Store) Control(ctx context.Context, p events.Processor) (Control, error) {
	snap, err := s.control(p).Get(ctx)
	if status.Code(err) == codes.NotFound {
		return Control{Processor: string(p)}, nil
	}
	if err != nil {
		return Control{}, fmt.Errorf("state: read control of %s: %w", p, err)
	}
	var c Control
	if err := snap.DataTo(&c); err != nil {
		return Control{}, fmt.Errorf("state: decode control of %s: %w", p, err)
	}
	return c, nil
}

// WatchControl calls fn with processor p's kill switch now and on every change, until ctx
// ends. It is driven by a Firestore listener.
func (s *Store) WatchControl(ctx context.Context, p events.Processor, fn func(Control)) error {
	it := s.control(p).Snapshots(ctx)
	defer it.Stop()
	for {
		snap, err := it.Next()
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			return fmt.Errorf("state: watch control of %s: %w", p, err)
		}
		c := Control{Processor: string(p)}
		if snap.Exists() {
			if err := snap.DataTo(&c); err != nil {
				return fmt.Errorf("state: decode control of %s: %w", p, err)
			}
		}
		fn(c)
	}
}
