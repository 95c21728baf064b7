package state

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"time"

	"cloud.google.com/go/firestore"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/tipoff-nba/tipoff/events"
)

// DefaultTxAttempts is how many times a transaction is tried before its error is
// returned. Firestore aborts transactions under contention; the client default of 5 gives
// up too early when the two team summaries and the player claim touch one date together.
const DefaultTxAttempts = 30

// Store reads and writes completion state.
type Store struct {
	client   *firestore.Client
	leaves   []events.Processor
	attempts int
}

// NewStore returns a store over client. leaves are the processors that finish a date (the
// graph's leaves): a date is complete when all of them succeeded at its generation.
func NewStore(client *firestore.Client, leaves []events.Processor) *Store {
	return &Store{client: client, leaves: leaves, attempts: DefaultTxAttempts}
}

func (s *Store) date(gameDate string) *firestore.DocumentRef {
	return s.client.Collection(DatesCollection).Doc(gameDate)
}

func (s *Store) processor(gameDate string, p events.Processor) *firestore.DocumentRef {
	return s.date(gameDate).Collection(ProcessorsCollection).Doc(string(p))
}

func (s *Store) logEntry(gameDate, id string) *firestore.DocumentRef {
	return s.date(gameDate).Collection(EventLogCollection).Doc(id)
}

// Claim decides, in one transaction, whether t starts a run, and claims the run's lease
// when it does. Only one caller can get DecisionRun for a (date, processor, generation)
// while its lease is live. The consumed event is recorded in the date's event log in the
// same transaction.
func (s *Store) Claim(ctx context.Context, t Trigger) (Verdict, error) {
	var verdict Verdict
	err := s.client.RunTransaction(ctx, func(ctx context.Context, tx *firestore.Transaction) error {
		t := t
		entry := s.logEntry(t.GameDate, consumedEntryID(t.EventID, t.Processor))
		refs := []*firestore.DocumentRef{s.date(t.GameDate), s.processor(t.GameDate, t.Processor),
			entry, s.control(t.Processor)}
		for _, need := range t.Needs {
			refs = append(refs, s.processor(t.GameDate, need))
		}
		snaps, err := tx.GetAll(refs)
		if err != nil {
			return fmt.Errorf("read %s state: %w", t.GameDate, err)
		}
		if t.Clock != nil {
			// After the reads: on the emulator they wait behind other transactions' locks.
			t.Now = t.Clock()
		}
		var date DateDoc
		var proc ProcessorDoc
		datePtr, err := decodeIfExists(snaps[0], &date)
		if err != nil {
			return err
		}
		procPtr, err := decodeIfExists(snaps[1], &proc)
		if err != nil {
			return err
		}
		var logged EventLogEntry
		loggedPtr, err := decodeIfExists(snaps[2], &logged)
		if err != nil {
			return err
		}

		var control Control
		if _, err := decodeIfExists(snaps[3], &control); err != nil {
			return err
		}
		var nextDate *DateDoc
		var nextProc *ProcessorDoc
		switch {
		case control.Paused:
			verdict = Verdict{Decision: DecisionPaused, Reason: "paused: " + control.Reason}
			if datePtr != nil {
				verdict.Date, verdict.Generation = date, date.Generation
			}
		case len(t.Needs) == 0:
			verdict, nextDate, nextProc = decideRoot(datePtr, procPtr, t)
		default:
			upstream := make(map[events.Processor]*ProcessorDoc, len(t.Needs))
			for i, need := range t.Needs {
				var up ProcessorDoc
				if upstream[need], err = decodeIfExists(snaps[4+i], &up); err != nil {
					return err
				}
			}
			verdict, nextProc, err = decideDependent(datePtr, procPtr, upstream, t)
			if err != nil {
				return err
			}
		}
		return s.stageClaim(tx, t, verdict, nextDate, nextProc, loggedPtr)
	}, firestore.MaxAttempts(s.attempts))
	if err != nil {
		return Verdict{}, fmt.Errorf("state: claim %s for %s: %w", t.Processor, t.GameDate, err)
	}
	return verdict, nil
}

func (s *Store) stageClaim(tx *firestore.Transaction, t Trigger, v Verdict, date *DateDoc,
	proc *ProcessorDoc, logged *EventLogEntry) error {
	if date != nil {
		if err := tx.Set(s.date(t.GameDate), *date); err != nil {
			return err
		}
	}
	if proc != nil {
		if err := tx.Set(s.processor(t.GameDate, t.Processor), *proc); err != nil {
			return err
		}
	}
	if date == nil && v.Date.GameDate == "" {
		// No date document exists: the worker logs the event, but it is not recorded under
		// a date that was never opened.
		return nil
	}
	return tx.Set(s.logEntry(t.GameDate, consumedEntryID(t.EventID, t.Processor)),
		consumedEntry(logged, t, v))
}

// Finish records the outcome of a run in one transaction, if the run still holds its
// lease: the processor document, the date's summary and status, and the published event in
// the event log. It returns ErrLeaseLost or ErrSuperseded when the result must not be
// announced.
func (s *Store) Finish(ctx context.Context, f Finish) (DateDoc, error) {
	var result DateDoc
	err := s.client.RunTransaction(ctx, func(ctx context.Context, tx *firestore.Transaction) error {
		// A retried transaction must not report what an aborted attempt decided.
		result = DateDoc{}
		snaps, err := tx.GetAll([]*firestore.DocumentRef{s.date(f.GameDate),
			s.processor(f.GameDate, f.Processor)})
		if err != nil {
			return fmt.Errorf("read %s state: %w", f.GameDate, err)
		}
		var date DateDoc
		var proc ProcessorDoc
		datePtr, err := decodeIfExists(snaps[0], &date)
		if err != nil {
			return err
		}
		procPtr, err := decodeIfExists(snaps[1], &proc)
		if err != nil {
			return err
		}
		nextDate, nextProc, decideErr := decideFinish(datePtr, procPtr, f, s.leaves)
		if errors.Is(decideErr, errRecorded) {
			result = date
			return nil
		}
		if nextProc != nil {
			if err := tx.Set(s.processor(f.GameDate, f.Processor), *nextProc); err != nil {
				return err
			}
		}
		if decideErr != nil {
			// A superseded run still records that it was superseded; the write commits with
			// the transaction and the error is reported after it.
			if errors.Is(decideErr, ErrSuperseded) {
				var inputs []InputRef
				if nextProc != nil { // nil when the newer generation re-claimed it already
					inputs = nextProc.Inputs
				}
				id, entry := finishEntry(f, StatusSuperseded, inputs)
				return tx.Set(s.logEntry(f.GameDate, id), entry)
			}
			return decideErr
		}
		result = *nextDate
		if f.UpdateDate || !f.Status.Succeeded() {
			if err := tx.Set(s.date(f.GameDate), *nextDate); err != nil {
				return err
			}
		} else {
			result = date
		}
		if err := s.stageFindings(tx, f); err != nil {
			return err
		}
		id, entry := finishEntry(f, f.Status, nextProc.Inputs)
		return tx.Set(s.logEntry(f.GameDate, id), entry)
	}, firestore.MaxAttempts(s.attempts))
	if err != nil {
		return DateDoc{}, fmt.Errorf("state: finish %s for %s g%d: %w", f.Processor, f.GameDate,
			f.Generation, err)
	}
	if result.GameDate == "" {
		return DateDoc{}, fmt.Errorf("state: finish %s for %s g%d: %w", f.Processor,
			f.GameDate, f.Generation, ErrSuperseded)
	}
	return result, nil
}

// Date reads one date document; ok is false when it does not exist.
func (s *Store) Date(ctx context.Context, gameDate string) (DateDoc, bool, error) {
	var d DateDoc
	snap, err := s.date(gameDate).Get(ctx)
	if status.Code(err) == codes.NotFound {
		return d, false, nil
	}
	if err != nil {
		return d, false, fmt.Errorf("state: read date %s: %w", gameDate, err)
	}
	if err := snap.DataTo(&d); err != nil {
		return d, false, fmt.Errorf("state: decode date %s: %w", gameDate, err)
	}
	return d, true, nil
}

// Processors reads every processor document of a date, keyed by processor.
func (s *Store) Processors(ctx context.Context, gameDate string) (map[events.Processor]ProcessorDoc,
	error) {
	snaps, err := s.date(gameDate).Collection(ProcessorsCollection).Documents(ctx).GetAll()
	if err != nil {
		return nil, fmt.Errorf("state: read processors of %s: %w", gameDate, err)
	}
	out := make(map[events.Processor]ProcessorDoc, len(snaps))
	for _, snap := range snaps {
		var d ProcessorDoc
		if err := snap.DataTo(&d); err != nil {
			return nil, fmt.Errorf("state: decode %s: %w", snap.Ref.Path, err)
		}
		out[events.Processor(d.Processor)] = d
	}
	return out, nil
}

// EventLog reads a date's event log, oldest first.
func (s *Store) EventLog(ctx context.Context, gameDate string) ([]EventLogEntry, error) {
	snaps, err := s.date(gameDate).Collection(EventLogCollection).Documents(ctx).GetAll()
	if err != nil {
		return nil, fmt.Errorf("state: read event log of %s: %w", gameDate, err)
	}
	out, err := decodeAll[EventLogEntry](snaps)
	if err != nil {
		return nil, err
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].FirstAt.Before(out[j].FirstAt) })
	return out, nil
}

// WatchDates calls fn with every date document in gameDates each time one of them
// changes, until fn returns true or ctx ends. A Firestore listener wakes it. The emulator's
// listener has been seen to miss an update, so the documents are also read directly every
// RereadEvery; that read only guards against a lost notification.
func (s *Store) WatchDates(ctx context.Context, gameDates []string,
	fn func(map[string]DateDoc) bool) error {
	refs := make([]*firestore.DocumentRef, len(gameDates))
	for i, d := range gameDates {
		refs[i] = s.date(d)
	}
	changed := make(chan struct{}, 1)
	go func() {
		it := s.client.Collection(DatesCollection).Snapshots(ctx)
		defer it.Stop()
		for {
			if _, err := it.Next(); err != nil {
				return
			}
			select {
			case changed <- struct{}{}:
			default:
			}
		}
	}()
	tick := time.NewTicker(RereadEvery)
	defer tick.Stop()
	for {
		snaps, err := s.client.GetAll(ctx, refs)
		if err != nil {
			return fmt.Errorf("state: watch dates: %w", err)
		}
		seen := make(map[string]DateDoc, len(gameDates))
		for _, snap := range snaps {
			var d DateDoc
			found, err := decodeIfExists(snap, &d)
			if err != nil {
				return err
			}
			if found != nil {
				seen[snap.Ref.ID] = d
			}
		}
		if fn(seen) {
			return nil
		}
		select {
		case <-changed:
		case <-tick.C:
		case <-ctx.Done():
			return fmt.Errorf("state: watch dates: %w", ctx.Err())
		}
	}
}

// RereadEvery is how often WatchDates reads the dates directly, besides its listener.
const RereadEvery = 5 * time.Second

// decodeAll decodes every snapshot into a T, naming the document that does not decode.
func decodeAll[T any](snaps []*firestore.DocumentSnapshot) ([]T, error) {
	out := make([]T, 0, len(snaps))
	for _, snap := range snaps {
		var v T
		if err := snap.DataTo(&v); err != nil {
			return nil, fmt.Errorf("state: decode %s: %w", snap.Ref.Path, err)
		}
		out = append(out, v)
	}
	return out, nil
}

func decodeIfExists[T any](snap *firestore.DocumentSnapshot, into *T) (*T, error) {
	if snap == nil || !snap.Exists() {
		return nil, nil
	}
	if err := snap.DataTo(into); err != nil {
		return nil, fmt.Errorf("decode %s: %w", snap.Ref.Path, err)
	}
	return into, nil
}
