-- The kept XML is valid UTF-8 (the gateway checked it), so it is stored as text: the driver sends text as is, where it
-- sent bytea as a hex string twice the size, encoded and decoded on every insert. Reading it back as UTF-8 gives the
-- same bytes (and SHA-256).
ALTER TABLE gateway.commands ALTER COLUMN xml TYPE text USING convert_from(xml, 'UTF8');
