import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

/** A uPlot chart that follows its container's width and is rebuilt when its options or data change. */
export function UPlotChart(props: {
  options: Omit<uPlot.Options, 'width'>;
  data: uPlot.AlignedData;
  label: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const width = () => Math.max(320, element.clientWidth);
    const chart = new uPlot({ ...props.options, width: width() }, props.data, element);
    const observer = new ResizeObserver(() =>
      chart.setSize({ width: width(), height: props.options.height }),
    );
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.destroy();
    };
  }, [props.options, props.data]);
  return <div className="chart" ref={box} role="img" aria-label={props.label} />;
}
