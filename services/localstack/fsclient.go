package localstack

import (
	"context"
	"fmt"

	"cloud.google.com/go/firestore"
	"cloud.google.com/go/pubsub/v2"
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

// FirestoreClient connects to the emulator at host (host:port on loopback) through a
// connection of its own, so faults (nil for none) can sit between client and emulator.
func FirestoreClient(ctx context.Context, host, project string, faults *Faults) (
	*firestore.Client, error) {
	if err := checkLoopback(FirestoreHostEnv, host); err != nil {
		return nil, err
	}
	conn, err := grpc.NewClient(host,
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

// PubSubClient connects to the Pub/Sub emulator or fake at host (host:port on loopback).
func PubSubClient(ctx context.Context, host, project string) (*pubsub.Client, error) {
	if err := checkLoopback(PubSubHostEnv, host); err != nil {
		return nil, err
	}
	client, err := pubsub.NewClient(ctx, project, option.WithEndpoint(host),
		option.WithoutAuthentication(),
		option.WithGRPCDialOption(grpc.WithTransportCredentials(insecure.NewCredentials())))
	if err != nil {
		return nil, fmt.Errorf("localstack: pubsub client: %w", err)
	}
	return client, nil
}
