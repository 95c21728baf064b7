package warehouse

import (
	"context"
	"fmt"
	"os"
)

// PathEnv names the environment variable that holds the warehouse file path.
const PathEnv = "TIPOFF_WAREHOUSE"

// PathFromEnv returns the warehouse path from PathEnv, or an error saying what to set.
func PathFromEnv() (string, error) {
	p := os.Getenv(PathEnv)
	if p == "" {
		return "", fmt.Errorf("warehouse: %s is not set: give the path of the warehouse file",
			PathEnv)
	}
	return p, nil
}

// OpenFromEnv opens the warehouse named by PathEnv.
func OpenFromEnv() (*Warehouse, error) {
	p, err := PathFromEnv()
	if err != nil {
		return nil, err
	}
	return Open(context.Background(), p)
}
