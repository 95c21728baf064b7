package warehouse

import (
	"fmt"

	"github.com/tipoff-nba/tipoff/services/internal/tables"
)

// Regenerated returns a copy of batch, every row included, keyed to generation gen of the
// same date. It is how a processor carries its output of an earlier generation forward in a
// replay: it reads its rows of that generation with the read methods, and saves the copy
// through Save like any computed batch, so carried rows pass the same row rules and replace
// the date the same way. batch is left unchanged.
func Regenerated(batch Batch, gen int64) (Batch, error) {
	switch b := batch.(type) {
	case RawBatch:
		key := tables.Key{GameDate: b.GameDate, Generation: gen}
		return RawBatch{Key: key, Players: rekeyed(b.Players, key, setRawPlayerKey),
			Teams: rekeyed(b.Teams, key, setRawTeamKey)}, nil
	case TeamOffenseBatch:
		key := tables.Key{GameDate: b.GameDate, Generation: gen}
		return TeamOffenseBatch{Key: key, Rows: rekeyed(b.Rows, key, setTeamOffenseKey)}, nil
	case TeamDefenseBatch:
		key := tables.Key{GameDate: b.GameDate, Generation: gen}
		return TeamDefenseBatch{Key: key, Rows: rekeyed(b.Rows, key, setTeamDefenseKey)}, nil
	case PlayerGameBatch:
		key := tables.Key{GameDate: b.GameDate, Generation: gen}
		return PlayerGameBatch{Key: key, Rows: rekeyed(b.Rows, key, setPlayerGameKey)}, nil
	}
	return nil, fmt.Errorf("warehouse: regenerate: %w: batch type %T", ErrRejected, batch)
}

// rekeyed copies rows and sets each copy's key with set.
func rekeyed[T any](rows []T, key tables.Key, set func(*T, tables.Key)) []T {
	out := make([]T, len(rows))
	copy(out, rows)
	for i := range out {
		set(&out[i], key)
	}
	return out
}

func setRawPlayerKey(r *tables.RawPlayer, k tables.Key)     { r.Key = k }
func setRawTeamKey(r *tables.RawTeam, k tables.Key)         { r.Key = k }
func setTeamOffenseKey(r *tables.TeamOffense, k tables.Key) { r.Key = k }
func setTeamDefenseKey(r *tables.TeamDefense, k tables.Key) { r.Key = k }
func setPlayerGameKey(r *tables.PlayerGame, k tables.Key)   { r.Key = k }
