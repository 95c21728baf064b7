package state

import (
	"context"
	"fmt"
	"time"

	"cloud.google.com/go/firestore"

	"github.com/tipoff-nba/tipoff/events"
)

// QualityCollection holds a date's data-quality findings: dates/{game_date}/quality/{id}.
const QualityCollection = "quality"

// QualityDoc is one finding of post-write verification, as an operator reads it.
type QualityDoc struct {
	GameDate   string    `firestore:"game_date"`
	Generation int64     `firestore:"generation"`
	Processor  string    `firestore:"processor"`
	Rule       string    `firestore:"rule"`
	Severity   string    `firestore:"severity"`
	GameID     string    `firestore:"game_id,omitempty"`
	TeamID     int64     `firestore:"team_id,omitempty"`
	Team       string    `firestore:"team,omitempty"`
	PersonID   int64     `firestore:"person_id,omitempty"`
	Value      string    `firestore:"value"`
	Detail     string    `firestore:"detail"`
	EventID    string    `firestore:"event_id"`
	FoundAt    time.Time `firestore:"found_at"`
}

func qualityDoc(f events.Finding, at time.Time) QualityDoc {
	return QualityDoc{
		GameDate: f.GameDate, Generation: f.Generation, Processor: string(f.Processor),
		Rule: f.Rule, Severity: string(f.Severity), GameID: f.GameID, TeamID: f.TeamID,
		Team: f.Team, PersonID: f.PersonID, Value: f.Value, Detail: f.Detail,
		EventID: events.FindingID(f), FoundAt: at,
	}
}

func (s *Store) stageFindings(tx *firestore.Transaction, f Finish) error {
	for _, finding := range f.Findings {
		id := events.FindingID(finding)
		ref := s.date(f.GameDate).Collection(QualityCollection).Doc(id)
		if err := tx.Set(ref, qualityDoc(finding, f.Now)); err != nil {
			return err
		}
	}
	return nil
}

// Findings lists the quality findings of a date, oldest first.
func (s *Store) Findings(ctx context.Context, gameDate string) ([]QualityDoc, error) {
	snaps, err := s.date(gameDate).Collection(QualityCollection).OrderBy("found_at",
		firestore.Asc).Documents(ctx).GetAll()
	if err != nil {
		return nil, fmt.Errorf("state: read findings of %s: %w", gameDate, err)
	}
	out, err := decodeAll[QualityDoc](snaps)
	if err != nil {
		return nil, err
	}
	return out, nil
}
