package flux

import (
	"bufio"
	"bytes"
	"io"
	"strings"
)

// frame is one Server-Sent Events message: its id and its data lines joined. (Its event field is not kept: the
// data, an event envelope, names its own type.)
type frame struct {
	id   string
	data string
}

// frameReader reads Server-Sent Events line by line (lines end in \n, \r\n or \r).
type frameReader struct {
	lines   *bufio.Scanner
	pending frame
	data    []string
}

func newFrameReader(body io.Reader) *frameReader {
	lines := bufio.NewScanner(body)
	lines.Buffer(make([]byte, 64*1024), 4*1024*1024)
	lines.Split(splitLines)
	return &frameReader{lines: lines}
}

// next reads one line: a whole frame when the line ends one, else nil. The error is io.EOF when the stream ended.
func (r *frameReader) next() (*frame, error) {
	if !r.lines.Scan() {
		if err := r.lines.Err(); err != nil {
			return nil, err
		}
		return nil, io.EOF
	}
	line := r.lines.Text()
	if line == "" {
		if len(r.data) == 0 {
			r.pending = frame{}
			return nil, nil
		}
		done := r.pending
		done.data = strings.Join(r.data, "\n")
		r.pending, r.data = frame{}, nil
		return &done, nil
	}
	if strings.HasPrefix(line, ":") {
		return nil, nil
	}
	field, value, _ := strings.Cut(line, ":")
	value = strings.TrimPrefix(value, " ")
	switch field {
	case "data":
		r.data = append(r.data, value)
	case "id":
		r.pending.id = value
	}
	return nil, nil
}

// splitLines is bufio.ScanLines for all three line ends Server-Sent Events allow.
func splitLines(data []byte, atEOF bool) (advance int, token []byte, err error) {
	if i := bytes.IndexAny(data, "\r\n"); i >= 0 {
		if data[i] == '\r' {
			if i+1 == len(data) && !atEOF {
				return 0, nil, nil // a \n may follow in the next read
			}
			if i+1 < len(data) && data[i+1] == '\n' {
				return i + 2, data[:i], nil
			}
		}
		return i + 1, data[:i], nil
	}
	if atEOF && len(data) > 0 {
		return len(data), data, nil
	}
	return 0, nil, nil
}
