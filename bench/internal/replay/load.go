package replay

import (
	"context"
	"fmt"
	"time"

	"github.com/tipoff-nba/tipoff/events"
)

// RequestSource is the load requests' source, as `tipoff run` uses "tipoff-cli".
const RequestSource = "tipoff-bench"

// Load publishes one load request for each of dates, all under requestID, as `tipoff run`
// does.
func (s *Stack) Load(ctx context.Context, requestID string, dates ...string) error {
	now := time.Now()
	for _, d := range dates {
		e, err := events.NewLoadRequest(RequestSource, events.LoadRequest{
			GameDate: d, RequestID: requestID, Reason: "initial"}, now)
		if err != nil {
			return fmt.Errorf("replay: load request %s: %w", d, err)
		}
		if err := s.Publish(ctx, e); err != nil {
			return fmt.Errorf("replay: publish load request %s: %w", d, err)
		}
	}
	return nil
}
