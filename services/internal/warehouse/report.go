package warehouse

import "github.com/tipoff-nba/tipoff/services/internal/rowrules"

// Findings lists the examples of every rule a saved batch broke without being blocked
// (warnings), one line each, for the run's anomalies.
func Findings(r rowrules.Report) []string {
	var out []string
	for _, res := range r.Results {
		for _, v := range res.Examples {
			out = append(out, v.String())
		}
	}
	return out
}
