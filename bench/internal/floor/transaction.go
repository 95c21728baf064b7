package floor

import (
	"context"
	"fmt"
	"time"

	"cloud.google.com/go/firestore"
)

// Transactions runs n Firestore transactions one after another, each reading three
// documents and writing one (the shape of a claim), in collection of client's project, and
// returns the time each RunTransaction call took, retries included.
func Transactions(ctx context.Context, client *firestore.Client, collection string, n int) (
	[]time.Duration, error) {
	refs := []*firestore.DocumentRef{client.Collection(collection).Doc("a"),
		client.Collection(collection).Doc("b"), client.Collection(collection).Doc("c")}
	for _, ref := range refs {
		if _, err := ref.Set(ctx, map[string]any{"n": 0}); err != nil {
			return nil, fmt.Errorf("floor: seed %s: %w", ref.Path, err)
		}
	}
	out := make([]time.Duration, 0, n)
	for i := 0; i < n; i++ {
		start := time.Now()
		err := client.RunTransaction(ctx, func(_ context.Context, tx *firestore.Transaction) error {
			if _, err := tx.GetAll(refs); err != nil {
				return err
			}
			return tx.Set(refs[0], map[string]any{"n": i})
		})
		if err != nil {
			return nil, fmt.Errorf("floor: transaction %d: %w", i, err)
		}
		out = append(out, time.Since(start))
	}
	return out, nil
}
