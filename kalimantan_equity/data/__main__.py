from kalimantan_equity.data.build import main

raise SystemExit(main())
