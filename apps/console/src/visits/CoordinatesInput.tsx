import MyLocationIcon from '@mui/icons-material/MyLocation';
import { Button, FormHelperText, Stack, TextField } from '@mui/material';
import { useEffect, useState } from 'react';
import { InputHelperText, required, useInput, useTranslate, type Validator } from 'react-admin';

/** The number a coordinate input's text stands for; null when it is blank or not a number. */
export const coordinateOf = (value: unknown): number | null => {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string' || value.trim() === '') return null;
  const number = Number(value.trim());
  return Number.isFinite(number) ? number : null;
};

/** A required coordinate within ±`limit` degrees; the form keeps the text as typed. */
const coordinate =
  (limit: number, message: string): Validator =>
  (value: unknown) => {
    const number = coordinateOf(value);
    return number !== null && Math.abs(number) <= limit ? undefined : message;
  };

const LATITUDE: Validator[] = [required(), coordinate(90, 'visits.checkIn.invalidLatitude')];
const LONGITUDE: Validator[] = [required(), coordinate(180, 'visits.checkIn.invalidLongitude')];

/** Where the browser's position request stands. */
type Locating = 'idle' | 'locating' | 'failed';

/** Six decimals: about 10 cm, more than a phone's GPS offers. */
const round = (value: number) => Math.round(value * 1e6) / 1e6;

/**
 * The check-in's WGS-84 latitude and longitude (`latitude`, `longitude`, as typed: read them
 * with `coordinateOf`). When the browser
 * already has permission to share its position the inputs fill themselves; "use my location"
 * asks for it. Both stay editable, and both are required.
 */
export const CoordinatesInput = () => {
  const translate = useTranslate();
  const latitude = useInput({
    source: 'latitude',
    validate: LATITUDE,
  });
  const longitude = useInput({
    source: 'longitude',
    validate: LONGITUDE,
  });
  const [locating, setLocating] = useState<Locating>('idle');
  const setLatitude = latitude.field.onChange;
  const setLongitude = longitude.field.onChange;

  const locate = (onlyIfEmpty: boolean) => {
    if (typeof navigator === 'undefined' || !navigator.geolocation) {
      if (!onlyIfEmpty) setLocating('failed');
      return;
    }
    setLocating('locating');
    navigator.geolocation.getCurrentPosition(
      ({ coords }) => {
        setLatitude(String(round(coords.latitude)));
        setLongitude(String(round(coords.longitude)));
        setLocating('idle');
      },
      () => setLocating(onlyIfEmpty ? 'idle' : 'failed'),
      { enableHighAccuracy: true, timeout: 10_000, maximumAge: 60_000 },
    );
  };

  // Prefill only when the browser would not prompt: the dialog must not open with a popup.
  useEffect(() => {
    let cancelled = false;
    navigator.permissions
      ?.query({ name: 'geolocation' })
      .then((status) => {
        if (!cancelled && status.state === 'granted') locate(true);
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
    // Once, when the dialog opens.
  }, []);

  return (
    <Stack spacing={1} sx={{ mb: 1 }}>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        {[
          { state: latitude, label: 'visits.checkIn.latitude' },
          { state: longitude, label: 'visits.checkIn.longitude' },
        ].map(({ state, label }) => (
          <TextField
            key={label}
            id={state.id}
            name={state.field.name}
            inputRef={state.field.ref}
            value={state.field.value ?? ''}
            onChange={(event) => state.field.onChange(event.target.value)}
            onBlur={state.field.onBlur}
            label={translate(label)}
            required
            type="number"
            size="small"
            fullWidth
            error={state.fieldState.invalid}
            helperText={<InputHelperText error={state.fieldState.error?.message} />}
            slotProps={{ htmlInput: { step: 'any', inputMode: 'decimal' } }}
          />
        ))}
      </Stack>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Button
          size="small"
          startIcon={<MyLocationIcon />}
          onClick={() => locate(false)}
          disabled={locating === 'locating'}
        >
          {translate(
            locating === 'locating' ? 'visits.checkIn.locating' : 'visits.checkIn.useMyLocation',
          )}
        </Button>
        {locating === 'failed' ? (
          <FormHelperText error>{translate('visits.checkIn.locationUnavailable')}</FormHelperText>
        ) : null}
      </Stack>
    </Stack>
  );
};
