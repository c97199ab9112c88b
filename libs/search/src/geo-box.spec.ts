import { boundingBox } from './geo-box';
import { haversineMiles } from '#matching';

describe('boundingBox', () => {
  it('holds every point within the radius, including the far corners of the circle', () => {
    for (const centre of [
      { lat: 32.7767, lon: -96.797 },
      { lat: 61.2181, lon: -149.9003 },
      { lat: 21.3069, lon: -157.8583 },
    ]) {
      const radiusMiles = 50;
      const box = boundingBox({ ...centre, radiusMiles });
      for (let bearing = 0; bearing < 360; bearing += 5) {
        // Walk out to the edge of the circle along each bearing.
        let lo = 0;
        let hi = 5;
        const at = (d: number) => ({
          lat: centre.lat + d * Math.cos((bearing * Math.PI) / 180),
          lon: centre.lon + d * Math.sin((bearing * Math.PI) / 180),
        });
        for (let i = 0; i < 40; i++) {
          const mid = (lo + hi) / 2;
          if (haversineMiles(centre, at(mid)) <= radiusMiles) lo = mid;
          else hi = mid;
        }
        const edge = at(lo);
        expect(edge.lat).toBeGreaterThanOrEqual(box.minLat);
        expect(edge.lat).toBeLessThanOrEqual(box.maxLat);
        expect(edge.lon).toBeGreaterThanOrEqual(box.minLon);
        expect(edge.lon).toBeLessThanOrEqual(box.maxLon);
      }
    }
  });
});
