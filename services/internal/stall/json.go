package stall

import (
	"encoding/json"
	"time"
)

// stallJSON is the JSON form of a Stall, in the snake_case of every other JSON the
// operator's tool prints. Durations are whole seconds, instants RFC 3339 in UTC.
type stallJSON struct {
	GameDate   string `json:"game_date"`
	Generation int64  `json:"generation"`
	Processor  string `json:"processor"`
	Status     string `json:"status"`
	ReadySince string `json:"ready_since"`
	WaitedS    int64  `json:"waited_s"`
	LimitS     int64  `json:"limit_s"`
	Paused     bool   `json:"paused"`
}

// MarshalJSON writes s as {"game_date", "generation", "processor", "status",
// "ready_since", "waited_s", "limit_s", "paused"}.
func (s Stall) MarshalJSON() ([]byte, error) {
	return json.Marshal(stallJSON{GameDate: s.GameDate, Generation: s.Generation,
		Processor: string(s.Processor), Status: string(s.Status),
		ReadySince: s.Since.UTC().Format(time.RFC3339), WaitedS: int64(s.Waited.Seconds()),
		LimitS: int64(s.Limit.Seconds()), Paused: s.Paused})
}
