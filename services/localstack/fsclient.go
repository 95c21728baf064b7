package localstack

import (
	"context"
	"fmt"
	"os"

	"cloud.google.com/go/firestore"
	"google.golang.org/api/option"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

// emulatorToken is the credential the Firestore emulator expects: it grants every rule.
type emulatorToken struct{}

func (emulatorToken) GetRequestMetadata(context.Context, ...string) (map[string]string, error) {
	return map[string]string{"authorization": "Bearer owner"}, nil
}

func (emulatorToken) RequireTransportSecurity() bool { return false }

// FirestoreClient connects to the emulator named by FIRESTORE_EMULATOR_HOST through a
// connection of its own, so faults (nil for none) can sit between client and emulator.
func FirestoreClient(ctx context.Context, project string, faults *Faults) (*firestore.Client, error) {
	if err := Guard(); err != nil {
		return nil, err
	}
	conn, err := grpc.NewClient(os.Getenv(FirestoreHostEnv),
		grpc.WithTransportCredentials(insecure.NewCredentials()),
		grpc.WithPerRPCCredentials(emulatorToken{}),
		grpc.WithChainUnaryInterceptor(faults.unary))
	if err != nil {
		return nil, fmt.Errorf("localstack: dial Firestore emulator: %w", err)
	}
	client, err := firestore.NewClient(ctx, project, option.WithGRPCConn(conn))
	if err != nil {
		conn.Close()
		return nil, fmt.Errorf("localstack: firestore client: %w", err)
	}
	return client, nil
}
