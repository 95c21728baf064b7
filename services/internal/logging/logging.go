// Package logging builds the zap logger every Tipoff binary uses: JSON on stderr with the
// field names Cloud Logging reads (severity, message, time), so entries are queryable
// without a bespoke dashboard.
package logging

import (
	"io"
	"os"

	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
)

// New returns a JSON logger on stderr that tags every entry with the service name and the
// build revision. level is a zap level name ("debug", "info", ...); "" means info.
func New(service, revision, level string) (*zap.Logger, error) {
	lvl := zapcore.InfoLevel
	if level != "" {
		if err := lvl.Set(level); err != nil {
			return nil, err
		}
	}
	return build(zapcore.Lock(os.Stderr), lvl, service, revision), nil
}

// To returns an info-level logger like New's that writes to w instead of stderr.
func To(w io.Writer, service, revision string) *zap.Logger {
	return build(zapcore.AddSync(w), zapcore.InfoLevel, service, revision)
}

func build(out zapcore.WriteSyncer, lvl zapcore.Level, service, revision string) *zap.Logger {
	enc := zapcore.NewJSONEncoder(zapcore.EncoderConfig{
		TimeKey:        "time",
		LevelKey:       "severity",
		NameKey:        "logger",
		CallerKey:      "caller",
		MessageKey:     "message",
		StacktraceKey:  "stack_trace",
		LineEnding:     zapcore.DefaultLineEnding,
		EncodeLevel:    severity,
		EncodeTime:     zapcore.RFC3339NanoTimeEncoder,
		EncodeDuration: zapcore.MillisDurationEncoder,
		EncodeCaller:   zapcore.ShortCallerEncoder,
	})
	core := zapcore.NewCore(enc, out, lvl)
	return zap.New(core, zap.AddCaller()).With(
		zap.String("service", service), zap.String("build", revision))
}

// severity maps zap levels to Cloud Logging's severity names.
func severity(l zapcore.Level, enc zapcore.PrimitiveArrayEncoder) {
	switch l {
	case zapcore.DebugLevel:
		enc.AppendString("DEBUG")
	case zapcore.InfoLevel:
		enc.AppendString("INFO")
	case zapcore.WarnLevel:
		enc.AppendString("WARNING")
	case zapcore.ErrorLevel:
		enc.AppendString("ERROR")
	case zapcore.DPanicLevel, zapcore.PanicLevel:
		enc.AppendString("CRITICAL")
	default:
		enc.AppendString("ALERT")
	}
}
